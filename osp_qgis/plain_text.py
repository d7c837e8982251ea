"""Text without accents, the one way the plugin folds names (communes, streets, cités,
operations, headers, file names): « Nœux-les-Mines » → « Noeux-les-Mines ». Unicode's
decomposition removes accents but not the letters that are ligatures or letters of their own
(œ, æ, ß, ø…): they are transliterated first, never dropped."""
import unicodedata

LETTERS = str.maketrans({"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss", "ẞ": "SS",
                         "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
                         "Ł": "L", "ł": "l", "Þ": "TH", "þ": "th", "ı": "i", "ĸ": "k",
                         "\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def without_accents(text):
    """``text`` with ligatures spelled out and accents removed (case kept)."""
    text = unicodedata.normalize("NFKD", str(text).translate(LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))
