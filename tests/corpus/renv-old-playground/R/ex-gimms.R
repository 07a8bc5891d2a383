library(gimms)

onl = updateInventory()
head(onl)
