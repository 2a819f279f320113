"""Where a UK postcode is: its Westminster constituency, nation or region, and its point on the map.

Read from the ONS postcode lookup (open data, Open Government Licence) that an organiser downloads and
loads with `manage.py import_postcodes`; the site calls no postcode service. A postcode itself is never
kept with a person's record: only the constituency code it leads to.
"""
