# scenario: {"seconds": 2, "microbit": {"sound": [[0, 10], [500, 10], [600, 250], [900, 250], [1000, 10]]}}
# expect: {"stdout": ["True", "(SoundEvent('loud'), SoundEvent('quiet'))"]}
from microbit import *

sleep(1500)
print(microphone.current_event() == SoundEvent.QUIET)
print(microphone.get_events())
