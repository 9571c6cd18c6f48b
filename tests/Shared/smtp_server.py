"""A real SMTP server for the email tests, on aiosmtpd (Debian's python3-aiosmtpd).

usage: smtp_server.py PORT FOLDER [--refuse N] [--reject] [--hang]

Each message it accepts is written to FOLDER as one file. --refuse N answers the first N messages
with a temporary failure (451), as a busy server does; --reject answers every message with a
permanent failure (550); --hang accepts the connection and never answers the message, as a server
that has stopped responding does. It prints "ready" once it listens.
"""

import argparse
import asyncio
import os
import time
import uuid

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, folder, refuse, reject, hang):
        self.folder = folder
        self.refuse = refuse
        self.reject = reject
        self.hang = hang

    async def handle_DATA(self, server, session, envelope):
        if self.hang:
            open(os.path.join(self.folder, "hanging"), "w").close()
            await asyncio.sleep(3600)
        if self.reject:
            return "550 5.7.1 Message rejected"
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        name = os.path.join(self.folder, uuid.uuid4().hex + ".eml")
        with open(name + ".part", "wb") as message:
            message.write(envelope.original_content)
        os.rename(name + ".part", name)
        return "250 2.0.0 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder")
    parser.add_argument("--refuse", type=int, default=0)
    parser.add_argument("--reject", action="store_true")
    parser.add_argument("--hang", action="store_true")
    args = parser.parse_args()
    controller = Controller(Handler(args.folder, args.refuse, args.reject, args.hang), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
