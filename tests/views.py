"""A page using the tag, as a project's template would."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def page(request: HttpRequest, vendor_id: str) -> HttpResponse:
    return render(request, "page.html", {"vendor_id": vendor_id})
