"""`{{ city.country|country_name }}`: a country's name, in the active language, for its code."""

from django import template

from practices.countries import country_name

register = template.Library()

register.filter("country_name", country_name)
