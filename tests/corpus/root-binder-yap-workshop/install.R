install.packages(c('randomForest', 'DALEX', 'flexdashboard'))
