"""factory-boy factories for the users tokens are minted for."""

import factory
from django.contrib.auth import get_user_model

from tests.customuser.models import EmailUser


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    first_name = "Jane"
    last_name = "Doe"
    password = factory.django.Password("password")


class StaffUserFactory(UserFactory):
    is_staff = True


class EmailUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailUser

    email = factory.Sequence(lambda n: f"member{n}@example.org")
