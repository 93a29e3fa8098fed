package org.wardwatch.dashboard.web;

import io.javalin.Javalin;

/** One area of the dashboard registering its pages (review, requests, audit, accounts, API...). */
public interface Routes {
    void register(Javalin app);
}
