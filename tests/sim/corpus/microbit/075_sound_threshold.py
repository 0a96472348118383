# scenario: {"seconds": 2, "microbit": {"sound": [[0, 10], [500, 80], [900, 10]]}}
# expect: {"stdout": ["True"]}
from microbit import *

microphone.set_threshold(SoundEvent.LOUD, 50)
sleep(1000)
print(microphone.was_event(SoundEvent.LOUD))
