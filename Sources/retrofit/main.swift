print("retrofit")
