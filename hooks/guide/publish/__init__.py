"""Stage 5, publish: a verified site put in place, with what hosting and printing need.

Owns the staging folder and the atomic publish (staging), the hosting headers (headers), the
PDF handouts and the Chromium that prints them (handouts, chromium), the build date that makes
two builds byte-identical (build_date) and the loaded content handed from the build command to
the engine's process (handover). The checks that decide whether to publish are stage 4
(guide.checks).
"""
