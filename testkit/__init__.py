"""Tools shared by tests/, tools/ and benchmarks/ (not part of the build): nginx serving a built
site with our headers (nginx), a quiet loopback HTTP server and free ports (http), and the
skip-here, fail-in-CI rule for a missing tool (require). Import with the project root on
sys.path (pytest.ini, the Makefile's PYTHONPATH, `python -m benchmarks.run`)."""
