# Stand-in for rocker/binder:latest, built by rocker-org/binder on
# rocker-org/ml's rocker/ml-spatial. Only the facts a generated Dockerfile
# depends on are reproduced, each with its source:
#   rocker-org/ml commit 3ecd0375361b (August 2026): Dockerfile.cpu,
#     install_r.sh, Rprofile
#   rocker-org/binder commit 47e8278d1ac6 (August 2026): Dockerfile
# Not reproduced: Ubuntu 26.04, r2u binaries through bspm (the stand-in's R
# installs from a local repository instead), RStudio Server, Jupyter and its
# proxies, start.sh, the image's size.
FROM standin/debian-r:bookworm

# Dockerfile.cpu: ENV LANG=en_US.UTF-8; a Debian minbase has only C.UTF-8.
ENV LANG=C.UTF-8

# Dockerfile.cpu: ARG NB_USER=jovyan, ENV NB_USER=${NB_USER}, ENV NB_UID=1000,
# ENV USER, and ENV HOME="/home/${NB_USER}" (only this generation sets HOME).
ENV NB_USER=jovyan
ENV NB_UID=1000
ENV USER="${NB_USER}"
ENV HOME="/home/${NB_USER}"

# Dockerfile.cpu renames Ubuntu's uid 1000 user to jovyan, adds it to sudo and
# appends '%sudo ALL=(ALL) NOPASSWD:ALL' to /etc/sudoers.
RUN useradd -s /bin/bash -m -u 1000 -U ${NB_USER} \
 && usermod -aG sudo ${NB_USER} \
 && echo '%sudo ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers

# install_r.sh: usermod -a -G users, then both site libraries chgrp -R users
# and chmod -R g+ws, so jovyan installs packages into them.
RUN usermod -a -G users ${NB_USER} \
 && chgrp -R users /usr/local/lib/R/site-library /usr/lib/R/site-library \
 && chmod -R g+ws /usr/local/lib/R/site-library /usr/lib/R/site-library

# Rprofile (copied to Rprofile.site): with sudo it enables bspm, which installs
# r2u binaries through apt. Here: the local CRAN-like repository.
COPY cran /opt/cran
RUN echo "options(repos = c(CRAN = 'file:///opt/cran'))" >> /usr/lib/R/etc/Rprofile.site

# r2u and Ubuntu apt sources there; the local flat repository here. The
# binder Dockerfile runs apt-get update and deliberately keeps
# /var/lib/apt/lists (bspm needs them), so the lists are present.
COPY apt /opt/apt
RUN rm -f /etc/apt/sources.list /etc/apt/sources.list.d/* \
 && echo "deb [trusted=yes] file:/opt/apt ./" > /etc/apt/sources.list.d/standin.list \
 && apt-get update

# Dockerfile.cpu: ENV VIRTUAL_ENV=/opt/venv, a venv chowned to jovyan, with
# requirements-cpu.txt's jupyter-rsession-proxy, which brings
# jupyter-server-proxy. The stand-in has the venv and an importable
# jupyter_server_proxy module, not Jupyter itself. shiny is in rocker/ml's
# install.r; here it is Debian's r-cran-shiny, in the root filesystem.
ENV VIRTUAL_ENV=/opt/venv
RUN python3 -m venv --without-pip /opt/venv \
 && site=$(/opt/venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') \
 && mkdir "$site/jupyter_server_proxy" \
 && echo '# stand-in: the real package comes with jupyter-rsession-proxy' > "$site/jupyter_server_proxy/__init__.py" \
 && chown -R ${NB_USER}:${NB_USER} /opt/venv

# binder Dockerfile: ENV NB_GID=100 and usermod -g users ${NB_USER}, then
# USER ${NB_USER}; WORKDIR /home/$NB_USER comes from Dockerfile.cpu.
ENV NB_GID=100
RUN usermod -g users ${NB_USER}
WORKDIR /home/${NB_USER}
USER ${NB_USER}
