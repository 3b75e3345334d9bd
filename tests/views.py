"""Pages using the tag and feedback-sso.js, as a project's templates would."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def page(request: HttpRequest, vendor_id: str) -> HttpResponse:
    return render(request, "page.html", {"vendor_id": vendor_id})


def helper_page(request: HttpRequest, name: str) -> HttpResponse:
    """One of tests/templates/helper/: a vendor's own snippet next to the tag or helper."""
    return render(request, f"helper/{name}.html")
