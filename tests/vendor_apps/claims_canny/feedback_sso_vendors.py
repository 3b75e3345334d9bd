VENDORS = {"canny": {"CLAIM_NAMES": {"email": "email"}}}
