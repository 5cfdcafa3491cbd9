import RetrofitBuiltins
print(BuiltinFiles.all.keys.sorted())
