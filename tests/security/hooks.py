"""Hooks the security tests point FEEDBACK_SSO at; each misbehaves for BROKEN only."""

from __future__ import annotations

import datetime
from typing import Any

#: The vendor the fault tests break; every other vendor must keep working.
BROKEN = "productlift"

#: What ``extra_claims`` returns, per vendor; the property tests set it per example.
EXTRA: dict[str, Any] = {}


def extra_claims(user: Any, vendor_id: str) -> Any:
    return EXTRA.get(vendor_id, {})


def raising(user: Any, vendor_id: str) -> Any:
    if vendor_id == BROKEN:
        raise RuntimeError("the CRM is down")
    return {}


def not_a_dict(user: Any, vendor_id: str) -> Any:
    return ["mrr", 1] if vendor_id == BROKEN else {}


def nan(user: Any, vendor_id: str) -> Any:
    return {"mrr": float("nan")} if vendor_id == BROKEN else {}


def nested_datetime(user: Any, vendor_id: str) -> Any:
    return {"company": {"since": datetime.date(2020, 1, 1)}} if vendor_id == BROKEN else {}


def reserved(user: Any, vendor_id: str) -> Any:
    return {"exp": 4_102_444_800} if vendor_id == BROKEN else {}


def drops_required(user: Any, vendor_id: str) -> Any:
    return {"uid": None} if vendor_id == BROKEN else {}


def passes_raising(user: Any, vendor_id: str) -> bool:
    if vendor_id == BROKEN:
        raise RuntimeError("the verification service is down")
    return True


def sleekplan_meta_date(user: Any, vendor_id: str) -> Any:
    # Sleekplan's rule for meta checks only "an object": the date inside used to reach
    # PyJWT and fail mid-signing, with the secret in the failing frames' locals.
    return {"meta": {"since": datetime.date(2020, 1, 1)}} if vendor_id == "sleekplan" else {}


def passes(user: Any, vendor_id: str) -> Any:
    """``USER_PASSES`` answering whatever ``EXTRA["passes"]`` holds (a bool or a bug)."""
    return EXTRA.get("passes", True)


def passes_a_string(user: Any, vendor_id: str) -> Any:
    return "yes" if vendor_id == BROKEN else True
