"""One contract test class per built-in vendor, generated from its folder (tests/contract/)."""

from django_feedback_sso.vendors.folders import builtin_folders
from tests.contract import contract_tests

for _vendor_id in builtin_folders():
    _tests = contract_tests(_vendor_id)
    globals()[_tests.__name__] = _tests
