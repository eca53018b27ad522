from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stridewell.clinic.accounts"
    label = "accounts"
    verbose_name = "Accounts"
