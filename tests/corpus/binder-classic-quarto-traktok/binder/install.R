install.packages("chromote")
install.packages('traktok', repos = c('https://jbgruber.r-universe.dev', 'https://cloud.r-project.org'))


