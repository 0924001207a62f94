"""The status page for the city's leadership (`hcmlc dashboard`): its content, built from the
status and the progress report of the same repository, every word in the page's language.

`page.build_dashboard` assembles a `Dashboard` from `delivery` (who delivered what: the
status's tallies), `targets` (the report's assessment) and `documents` (the form and report
published beside it); `render/dashboard_html.py` lays it out as one self-contained HTML file.
"""
