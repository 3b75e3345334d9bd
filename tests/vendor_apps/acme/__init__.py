"""A package that ships a vendor, as another project's app would: Acme Board."""
