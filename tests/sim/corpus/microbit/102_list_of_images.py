# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "00000:09090:00000:90009:09990"], ["display", "image", "00000:09090:00000:09990:90009"], ["display", "image", "90009:09090:00000:99999:90909"]]}
from microbit import *

faces = [Image.HAPPY, Image.SAD, Image.ANGRY]
for face in faces:
    display.show(face)
    sleep(250)
