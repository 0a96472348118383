# scenario: {"seconds": 3}
# expect: {"stdout": ["ok"], "events": [["display", "image", "99999:90009:90009:90009:99999"], ["display", "image", "00000:00000:00000:00000:00000"], ["display", "image", "99999:90009:90009:90009:99999"], ["display", "image", "00000:00000:00000:00000:00000"]]}
from microbit import *

def blink(image, times):
    for i in range(times):
        display.show(image)
        sleep(100)
        display.clear()
        sleep(100)

blink(Image.SQUARE, 2)
print('ok')
