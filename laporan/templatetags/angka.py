from django import template

from laporan import format as fmt

register = template.Library()

register.filter("rupiah", fmt.rupiah)
register.filter("persen", fmt.persen)
register.filter("deviasi", fmt.deviasi)
register.filter("nama_bulan", fmt.nama_bulan)


@register.filter
def angka(value, places=0):
    return fmt.angka(value, int(places))


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or None."""
    if not mapping:
        return None
    return mapping.get(key)
