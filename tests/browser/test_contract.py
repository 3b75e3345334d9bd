"""One browser contract class per built-in vendor, generated from its folder
(tests/browser/contract.py): the demo page signs Zoë in through the sandbox's stand-in."""

from django_feedback_sso.vendors.folders import builtin_folders
from tests.browser.contract import browser_contract_tests

for _vendor_id in builtin_folders():
    _tests = browser_contract_tests(_vendor_id)
    globals()[_tests.__name__] = _tests
