"""Text utilities several rule families share: character classes (chars), pinyin syllables
(pinyin), English word lists and tokenising (words, tokens), organisation-name word lists
(lexicon). Pure functions and data; nothing here knows about rules."""
