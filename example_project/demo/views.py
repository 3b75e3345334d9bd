"""The demo pages: an index and one page per configured vendor."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.views.generic import TemplateView

from django_feedback_sso.conf import get_config, get_vendor_config
from django_feedback_sso.exceptions import FeedbackSSOUnknownVendor

from .users import DEMO_USERS


class IndexView(TemplateView):
    template_name = "demo/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        vendors = [get_vendor_config(vendor_id).vendor for vendor_id in get_config().vendors]
        return super().get_context_data(vendors=vendors, demo_users=DEMO_USERS, **kwargs)


class VendorPageView(TemplateView):
    """The snippet, the on-demand flow and the redirect flow of one vendor."""

    def get_template_names(self) -> list[str]:
        return [f"demo/vendors/{self.kwargs['vendor_id']}.html"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        try:
            config = get_vendor_config(self.kwargs["vendor_id"])
        except FeedbackSSOUnknownVendor:
            raise Http404("No such vendor.") from None
        return super().get_context_data(vendor=config.vendor, options=config.options,
                                        **kwargs)
