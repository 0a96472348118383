# scenario: {"seconds": 3}
# expect: {"events": [["music", "tone", 262], ["music", "tone", 0], ["music", "tone", 330], ["music", "tone", 0]], "times": [["music", "tone", 330, 500]]}
import music

music.play(['c4:2', 'r:2', 'e4:2'])
