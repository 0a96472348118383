# scenario: {"seconds": 3}
# expect: {"times": [["music", "tone", 262, 0], ["music", "tone", 0, 250]]}
import music

music.set_tempo(bpm=240)
music.play('c4:4')
