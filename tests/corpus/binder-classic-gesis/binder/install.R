install.packages("ggplot2")
install.packages(c("dplyr","readr","scales"))