# An empty module object the micro:bit build fills and registers (radio, speech, audio, log, power).
