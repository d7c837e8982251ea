"""The one font of everything the plugin draws or prints (styles, layouts, PDFs): shipped in
``resources/fonts`` and registered when the plugin loads, so that a Windows desktop, a
Linux desktop without DejaVu and a server show and print the same thing."""
FAMILY = "DejaVu Sans"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
         "DejaVuSans-BoldOblique.ttf")
