VENDORS = {"halfboard": {"CLAIM_NAMES": {"email": "email"}, "ALGORITHM": "none"}}
