"""Test session set-up (nothing to set up today: release-qa keeps no state between runs)."""
