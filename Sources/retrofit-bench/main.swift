print("retrofit-bench: not written yet")
