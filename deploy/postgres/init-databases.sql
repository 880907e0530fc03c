-- One database per service: no service can read another's data.
CREATE DATABASE authority;
CREATE DATABASE provider;
CREATE DATABASE scheduler;
