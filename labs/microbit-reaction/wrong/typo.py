from microbit import *
display.show(Image.HEART)
display.scroll(str(reaction))
