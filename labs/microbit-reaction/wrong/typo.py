# Wrong: uses a variable (reaction) that was never created, so it stops with a NameError.
from microbit import *
display.show(Image.HEART)
display.scroll(str(reaction))
