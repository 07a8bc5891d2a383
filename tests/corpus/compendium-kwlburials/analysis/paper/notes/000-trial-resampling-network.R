library(ergm.ego)
# create edodata object
as.egodata(burial_network_pre)

install.packages("~/Downloads/hergm_4.1-6 (1).tar.gz", repos = NULL, type = "source")
