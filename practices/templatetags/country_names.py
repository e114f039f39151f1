"""`{{ city.country|country_name }}`: a country's name, in the active language, for its code.

`{{ city.name|of_city }}`, `{{ code|of_country }}` and `{{ code|in_country }}`: a name as
French says it with its preposition ("d’Aarhus", "du Canada", "au Canada"), the plain name in
other languages. French translations of a text using one of them leave out the preposition.
"""

from django import template

from practices.countries import country_name, in_country, of_city, of_country

register = template.Library()

register.filter("country_name", country_name)
register.filter("of_city", of_city)
register.filter("of_country", of_country)
register.filter("in_country", in_country)
