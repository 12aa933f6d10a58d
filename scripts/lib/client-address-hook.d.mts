/** The request header the hook fills with the socket's peer address. */
export declare const PEER_HEADER: string;
