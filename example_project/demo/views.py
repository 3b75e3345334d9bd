"""The demo pages: an index and one page per configured vendor."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.template import RequestContext
from django.views.generic import TemplateView

from django_feedback_sso.conf import get_config, get_vendor_config
from django_feedback_sso.delivery import snippet_engine
from django_feedback_sso.exceptions import FeedbackSSOUnknownVendor
from django_feedback_sso.vendors.templates import get_template

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

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        # A built-in vendor's page is in its folder (vendors/<id>/demo.html), which the
        # app's template helper finds by this name when no project template has it.
        (name,) = self.get_template_names()
        template = get_template(snippet_engine(), name)
        return HttpResponse(template.render(RequestContext(self.request, context)))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        try:
            config = get_vendor_config(self.kwargs["vendor_id"])
        except FeedbackSSOUnknownVendor:
            raise Http404("No such vendor.") from None
        return super().get_context_data(vendor=config.vendor, options=config.options,
                                        **kwargs)
