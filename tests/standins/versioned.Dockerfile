# Stand-in for rocker/binder:4.x (4.0.0 ... 4.5.0), the versioned generation
# built by rocker-org/rocker-versioned2. Only the facts a generated Dockerfile
# depends on are reproduced, each with its source. Sources are at
# rocker-versioned2 commit 07c155e242a3 (June 2025), the last one with the
# binder files:
#   dockerfiles/binder_4.4.3.Dockerfile  (FROM rocker/geospatial:4.4.3)
#   scripts/install_R_source.sh, setup_R.sh, default_user.sh, install_jupyter.sh
# Not reproduced: Ubuntu itself, RStudio Server, Jupyter and the
# jupyter-rsession-proxy, the geospatial packages, Posit Package Manager.
FROM standin/debian-r:bookworm

# The image sets LANG (r-ver); a Debian minbase has only C.UTF-8.
ENV LANG=C.UTF-8

# install_R_source.sh: "${R_HOME}/site-library" is root:staff and group
# writable (chmod g+ws), so members of staff install packages into it.
# R_HOME is /usr/local/lib/R there; Debian's R reads the same folder first.
RUN chown root:staff /usr/local/lib/R/site-library \
 && chmod g+ws /usr/local/lib/R/site-library

# setup_R.sh: the repos option is set in Rprofile.site, to a Posit Package
# Manager snapshot frozen at the R release. Here: the local CRAN-like repository.
COPY cran /opt/cran
RUN echo "options(repos = c(CRAN = 'file:///opt/cran'))" >> /usr/lib/R/etc/Rprofile.site

# default_user.sh: useradd -s /bin/bash -m rstudio, then usermod -a -G staff.
# r-ver removes any uid 1000 user first, so rstudio gets uid 1000.
RUN useradd -s /bin/bash -m -u 1000 rstudio \
 && usermod -a -G staff rstudio

# Ubuntu's apt sources there; the local flat repository here. install_jupyter.sh
# and install_R_source.sh end with rm -rf /var/lib/apt/lists/*, so apt-get
# install needs an apt-get update first.
COPY apt /opt/apt
RUN rm -f /etc/apt/sources.list /etc/apt/sources.list.d/* \
 && echo "deb [trusted=yes] file:/opt/apt ./" > /etc/apt/sources.list.d/standin.list \
 && rm -rf /var/lib/apt/lists/*

# install_python.sh and install_jupyter.sh: Jupyter in a venv at /opt/venv
# (owned by root), with jupyter-rsession-proxy, which brings
# jupyter-server-proxy. The stand-in has the venv and an importable
# jupyter_server_proxy module, not Jupyter itself. shiny is in the image
# through rocker/tidyverse's devtools (devtools -> miniUI -> shiny); here it
# is Debian's r-cran-shiny, in the root filesystem.
RUN python3 -m venv --without-pip /opt/venv \
 && site=$(/opt/venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') \
 && mkdir "$site/jupyter_server_proxy" \
 && echo '# stand-in: the real package comes with jupyter-rsession-proxy' > "$site/jupyter_server_proxy/__init__.py"

# binder_4.4.3.Dockerfile: ENV NB_USER="rstudio", then USER ${NB_USER} and
# WORKDIR /home/${NB_USER}. No ENV HOME: the runtime takes it from /etc/passwd.
ENV NB_USER="rstudio"
USER ${NB_USER}
WORKDIR /home/${NB_USER}
