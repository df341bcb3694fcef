"""The checks of the built output, whatever engine wrote it.

    findings        Finding (file, line, field, message, hint) and report: the one shape of every
                    problem the guide reports, content errors included (guide.errors)
    registry        the named page checks (@page_check) that verify_tree runs on every page, and
                    the named site checks (@site_check) that check_site runs on the built folder
    pages           every HTML page: Expectations, the page checks, verify_site
    site            the site checks: every SVG picture, every data file's placeholders
    svg             the allow-list an SVG picture must pass (make lint uses it too)
    internal_links  every link inside the site leads to a file of the site, and to a part (#x) it has

Imports nothing itself: guide.errors uses the finding type while the checks import the content loader.
"""
