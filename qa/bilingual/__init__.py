"""Bilingual mode: checks of an English release against its Chinese original."""
