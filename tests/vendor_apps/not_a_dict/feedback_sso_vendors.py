VENDORS = ["acmeboard"]
