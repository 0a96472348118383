# scenario: {"seconds": 10}
# expect: {"events": [["music", "tone", 262], ["music", "tone", 262], ["music", "tone", 294], ["music", "tone", 262], ["music", "tone", 349], ["music", "tone", 330]]}
import music

music.play(music.BIRTHDAY)
