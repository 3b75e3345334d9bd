"""This app's vendors, found in its folders: the registry discovers them like any app's."""

from .vendors.folders import builtin_specs

VENDORS = builtin_specs()
