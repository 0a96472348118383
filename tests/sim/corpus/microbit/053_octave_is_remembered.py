# scenario: {"seconds": 3}
# expect: {"events": [["music", "tone", 523], ["music", "tone", 587], ["music", "tone", 0], ["music", "tone", 659]]}
import music

music.play(['c5:1', 'd'])
music.play('e')
