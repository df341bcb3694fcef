"""The checks of the built output, whatever engine wrote it.

    registry        the named page checks (@page_check) that verify_tree runs on every page, and
                    the named site checks (@site_check) that check_site runs on the built folder
    pages           every HTML page: Expectations, the page checks, verify_site
    site            the site checks: every SVG picture, every data file's placeholders
    svg             the allow-list an SVG picture must pass (make lint uses it too)
    internal_links  every link inside the site leads to a file of the site, and to a part (#x) it has

Every problem is a guide.findings.Finding, the one shape shared with the content errors
(guide.errors); it lives beside the stages, not in one, because every stage reports with it.

Imports nothing itself, so importing one check does not import them all.
"""
