"""An identity hash and a DiscourseConnect answer carry no expiry (issue 19)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("feedback_sso_audit", "0001_initial")]  # noqa: RUF012 - Django's own attribute

    operations = [  # noqa: RUF012 - Django's own attribute
        migrations.AlterField(
            model_name="auditentry",
            name="expires_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expires"),
        ),
    ]
