<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BatchFailures</name>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln failed: %2 (%3)</source>
        <translation>
            <numerusform>%L1 of %Ln failed: %2 (%3)</numerusform>
            <numerusform>%L1 of %Ln failed: %2 (%3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n other reason(s), in the Error column</source>
        <translation>
            <numerusform>; %n other reason, in the Error column</numerusform>
            <numerusform>; %n other reasons, in the Error column</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>The key was not found on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key with that name already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the token: it is wrong, expired, or its policy does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is sealed: unseal it before using its keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node is a standby: connect to the active node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is rate limiting requests: try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not exportable: its private key never leaves the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed while handling the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was sent but its answer was lost: the server may or may not have done it. It is not sent again; sync with the server, or do the same again, to settle it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer failed a security check (a signature or public key did not match). Nothing was accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That key name is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local key list is damaged; sync with the server to rebuild it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local key list could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot do this safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local key list was written by a newer BaoKeys, and is left as it is: open it with that version, or use another data folder for this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is no longer in this profile&apos;s key list (it was deleted or renamed meanwhile); nothing was sent to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1) that does not say whether it was done. It is not sent again; sync with the server, or do the same again, to settle it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LatencyStats</name>
    <message numerus="yes">
        <source>%Ln signature(s) in %1 ms — sequential would take %2 ms (%3× faster)</source>
        <translation>
            <numerusform>%Ln signature in %1 ms — sequential would take %2 ms (%3× faster)</numerusform>
            <numerusform>%Ln signatures in %1 ms — sequential would take %2 ms (%3× faster)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameList</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>OpenBao server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded signer (in memory, dev)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded signer (encrypted folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded signer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::AccessPolicyDialog</name>
    <message>
        <source>Access policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each token only what its job needs: the workers a sign-only token, the machine that provisions them a provisioning token. Write the policy on the server with &lt;code&gt;bao policy write&lt;/code&gt;, then create tokens with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign only: the workers&apos; token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provision: create, import and list keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin: everything, export and delete included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys &amp;named</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The &amp;selected keys (%Ln)</source>
        <translation>
            <numerusform>The &amp;selected key (%Ln)</numerusform>
            <numerusform>The &amp;selected keys (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>The &amp;selected keys (none selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the keys&apos; name prefix, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenBao policy (*.hcl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy could not be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::BatchItemModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::BatchRunView</name>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: waiting for %n request(s) in flight; their results are kept.</source>
        <translation>
            <numerusform>Cancelling: waiting for %n request in flight; its result is kept.</numerusform>
            <numerusform>Cancelling: waiting for %n requests in flight; their results are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ConnectionMonitor</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>performance standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DR secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n reachable</source>
        <translation>
            <numerusform>%1 of %n reachable</numerusform>
            <numerusform>%1 of %n reachable</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::DeleteKeyDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n key(s)</source>
        <translation>
            <numerusform>Delete key</numerusform>
            <numerusform>Delete %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %1 destroys %n private key(s) on the server. Funds held by the address(es) can no longer be moved unless the key(s) were backed up.</source>
        <translation>
            <numerusform>Deleting %1 destroys its private key on the server. Funds held by its address can no longer be moved unless the key was backed up.</numerusform>
            <numerusform>Deleting %1 destroys %n private keys on the server. Funds held by their addresses can no longer be moved unless the keys were backed up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server no longer has %1 (%n key(s)): deleting only removes it from this list; nothing is destroyed on the server.</source>
        <translation>
            <numerusform>The server no longer has %1: deleting only removes it from this list; nothing is destroyed on the server.</numerusform>
            <numerusform>The server no longer has %1 (%n keys): deleting only removes them from this list; nothing is destroyed on the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the key&apos;s name to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number of keys (%1) to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server holds other keys under the names %1 (%n key(s)), found by sync: deleting only removes them from this list; the server&apos;s keys are left untouched.</source>
        <translation>
            <numerusform>The server holds another key under the name %1, found by sync: deleting only removes it from this list; the server&apos;s key is left untouched.</numerusform>
            <numerusform>The server holds other keys under the names %1 (%n keys), found by sync: deleting only removes them from this list; the server&apos;s keys are left untouched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ExportKeyDialog</name>
    <message>
        <source>Export private key of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone who sees this private key controls the key and everything its address holds. Export it only to back it up somewhere safe, never to a shared screen, chat or unencrypted file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;understand the risk and want to export this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy (cleared after %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::FieldErrors</name>
    <message>
        <source>%1: %2</source>
        <extracomment>A form field&apos;s problem shown under it: &quot;Amount: not a coin such as 1000utia&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::GrantFeesDialog</name>
    <message>
        <source>Grant fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Granter key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granter key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most the grant pays in all, per worker. Empty: no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spend limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expir&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message type URLs the grant pays for, separated by commas. Empty: any message (an unlimited grant is riskier).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pays only for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund &amp;workers without an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker without an account on chain cannot sign: a MsgSend in the same transaction creates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;unding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required offline, e.g. 600000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gas limit, or &quot;auto&quot; to simulate on the chain node (times 1.3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. mocha-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hain ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked of the chain node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;quence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain node in this profile: sign here, broadcast elsewhere (Connections… sets one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare shows here the transaction&apos;s messages, fee and gas before anything is signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and &amp;broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant state as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant state as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses, one a line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TxRaw copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key to pay with: create or import the granter&apos;s key in Keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain node in this profile: the workers&apos; accounts and grants are not known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 about the granter and %n worker(s)…</source>
        <translation>
            <numerusform>Asking %1 about the granter and %n worker…</numerusform>
            <numerusform>Asking %1 about the granter and %n workers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Granter&apos;s balance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain node could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n worker(s) have a fee grant from the granter.</source>
        <translation>
            <numerusform>%1 of %n worker has a fee grant from the granter.</numerusform>
            <numerusform>%1 of %n workers have a fee grant from the granter.</numerusform>
        </translation>
    </message>
    <message>
        <source>choose the key that pays the fees (create or import it in Keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not coins such as 5000000utia (empty: no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the past: a grant must expire in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a message type URL such as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not coins such as 1utia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not coins such as 20000utia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs a chain node in the profile; enter a gas limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required (a number such as 600000, or auto with a chain node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a gas limit: a whole number above 0, or auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required: the chain the transaction is for, e.g. mocha-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required without a chain node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the fields marked above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the workers to grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the transaction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for the workers&apos; grants, the account and the gas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped, already granted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the granter %1 has no account on the chain: it needs funds first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction cannot be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to sign: every checked worker already has a grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no spend limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spend limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One transaction from %1, %n message(s):</source>
        <translation>
            <numerusform>One transaction from %1, %n message:</numerusform>
            <numerusform>One transaction from %1, %n messages:</numerusform>
        </translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas: %1 (simulated %2 × %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1, account %2, sequence %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the transaction above, then sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing and broadcasting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain refused sequence %1 (%2): another transaction used the account since it was asked. Asked again and signed with sequence %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TxRaw (base64): %1
tx hash: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account sequence mismatch (code 32): %1. Leave Sequence empty to ask the chain node, then prepare again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not granted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed; nothing was broadcast. Copy the TxRaw to submit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Included at height %1: %n worker(s) granted.</source>
        <translation>
            <numerusform>Included at height %1: %n worker granted.</numerusform>
            <numerusform>Included at height %1: %n workers granted.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n worker(s) to %1</source>
        <translation>
            <numerusform>Exported %n worker to %1</numerusform>
            <numerusform>Exported %n workers to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Pays only f&amp;or:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;TxRaw</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::GranteeTableModel</name>
    <message>
        <source>no grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no spend limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not on chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key on the server for %1 (found by sync): an allowance or coins sent to it could never be used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ImportKeyDialog</name>
    <message>
        <source>Import key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mnemonic (BIP-39)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how while typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIP-39 &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD pa&amp;th:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is sent once to the signer and wiped from this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 or 24 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>64 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required: 12 or 24 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required: 64 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a BIP-39 mnemonic: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an HD path such as m/44&apos;/118&apos;/0&apos;/0/0: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a private key in hex: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a private key: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::KeyDetailsDialog</name>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path on server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server no longer has this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server holds another key under this name: nothing can sign for this address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::KeyTableModel</name>
    <message>
        <source>generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — no longer on the server (found by sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — the server holds another key under this name (found by sync): nothing can sign for this address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::KeysPage</name>
    <message>
        <source>&amp;New key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport private key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync with server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, address or public key (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 of %L2 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating key %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n address(es)</source>
        <translation>
            <numerusform>Copied %n address</numerusform>
            <numerusform>Copied %n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n public key(s)</source>
        <translation>
            <numerusform>Copied %n public key</numerusform>
            <numerusform>Copied %n public keys</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key was created as not exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for %1 (only exportable keys can be renamed: the key is moved under the new name and checked before the old name is removed):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renaming %1 to %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the server failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the server failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key list synced at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;transaction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n key(s)</source>
        <translation>
            <numerusform>Deleted %n key</numerusform>
            <numerusform>Deleted %n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>No keys yet. Create one with &lt;b&gt;New key…&lt;/b&gt; (Ctrl+N), bring one in with &lt;b&gt;Import…&lt;/b&gt; (Ctrl+I), or create many at once on the &lt;b&gt;Provision workers&lt;/b&gt; tab (Ctrl+2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant fees…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay the selected keys&apos; fees from a granter key (x/feegrant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc&amp;ess policies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The least-privilege OpenBao policies for the selected keys or a worker set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n address(es). No key for %1: funds sent there are lost.</source>
        <translation>
            <numerusform>Copied %n address. No key for %1: funds sent there are lost.</numerusform>
            <numerusform>Copied %n addresses. No key for %1: funds sent there are lost.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1 from the list only: the server&apos;s key is another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n key(s); removed %1 from the list only (another key on the server)</source>
        <translation>
            <numerusform>Deleted %n key; removed %1 from the list only (another key on the server)</numerusform>
            <numerusform>Deleted %n keys; removed %1 from the list only (another key on the server)</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced: %1 adopted, %2 recovered, %3 missing on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the server holds another key under %1 (struck out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n key(s) failed: %1. They are still in the list.</source>
        <translation>
            <numerusform>Deleting %n key failed: %1. It is still in the list.</numerusform>
            <numerusform>Deleting %n keys failed: %1. They are still in the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %n key(s) were not tried.</source>
        <translation>
            <numerusform>The other %n key was not tried.</numerusform>
            <numerusform>The other %n keys were not tried.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not all for the same reason: the details give each key&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer holds this key (struck out). Sync with the server if it has it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local key list could not be read, so no key is shown. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A delete or rename is under way: wait until it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not exportable: its private key never leaves the server, so it can be neither exported nor renamed (a rename moves the private key to the new name).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::LatencyChart</name>
    <message>
        <source>Requests over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms since the batch started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency: median %1 ms, p95 %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) over time (%1× faster than one at a time)</source>
        <translation>
            <numerusform>%n request over time (%1× faster than one at a time)</numerusform>
            <numerusform>%n requests over time (%1× faster than one at a time)</numerusform>
        </translation>
    </message>
    <message>
        <source>ms (bins of %1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lane (requests side by side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) over time, none signed</source>
        <translation>
            <numerusform>%n request over time, none signed</numerusform>
            <numerusform>%n requests over time, none signed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::MainWindow</name>
    <message>
        <source>&lt;b&gt;Dev mode:&lt;/b&gt; the embedded signer keeps its keys in memory. They vanish when BaoKeys exits; use an encrypted data folder or an OpenBao server for keys you keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provision workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check connection &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when BaoKeys starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About BaoKeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile %1 has no data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one under File › Connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the embedded signer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded signer stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded signer could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is saved for this profile yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1), so the token cannot be stored safely: BaoKeys asks for it each time it opens this profile and never writes it to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local key list of this profile could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BaoKeys — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BaoKeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About BaoKeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;BaoKeys %1&lt;/h3&gt;&lt;p&gt;secp256k1 keys for validators and rollups, kept in OpenBao or the embedded signer. The keys never leave the signer; this app keeps only public metadata.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BaoKeys will use %1 when it starts again; the windows open now keep their language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ke&amp;ys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>root token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::NewKeyDialog</name>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exportable (the private key may be read back later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be used in a key name: use letters, digits, “_”, “-” and “.”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key name starts with a letter, a digit or “_”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key name ends with a letter, a digit or “_”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::PassphraseDialog</name>
    <message>
        <source>Unlock the signer&apos;s data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase to encrypt the keys in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase of the keys in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ProfileDialog</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names&amp;pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip TLS verification (unsafe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bech32 &amp;HRP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the system keychain, never in a settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test conn&amp;ection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1): the token is not saved and will be asked when the profile opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token saved in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open profile cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded signer runs in this app: it starts when the profile is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the token from the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token to test with: enter it in the Token field (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachable (HTTP %1, %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s (expires %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: there is no usable system keychain (%1). You will be asked for the token each time the profile opens; it is never written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One address, or the nodes of a cluster separated by commas: requests go to the active node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. http://127.0.0.1:1317</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Cosmos SDK REST endpoint: fills account numbers and sequences, estimates gas, shows fee grants and broadcasts. Empty: sign offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain node (REST):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a root token: it can do everything, export and delete keys included. Give each role its least-privilege token (Keys › Access policies…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the address holds a user name or password. OpenBao takes a token (the Token field), and the address is shown in the status bar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: a namespace is made of letters, digits, “_”, “-” and “.”, with “/” between the parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: a mount path is made of letters, digits, “_”, “-” and “.”, with “/” between the parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: “%1” is not an http(s) address such as https://127.0.0.1:8200. Separate the nodes of a cluster with commas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ProvisionPage</name>
    <message>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefi&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numbered from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in flight at once; auto sends them all (up to %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;arallelism:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expor&amp;t CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a profile to provision keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Will create %n key(s): %1</source>
        <translation>
            <numerusform>Will create %n key: %1</numerusform>
            <numerusform>Will create %n keys: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Address prefix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch cannot start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Creating %n key(s)…</source>
        <translation>
            <numerusform>Creating %n key…</numerusform>
            <numerusform>Creating %n keys…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was created: a name is already taken or the server refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys were created but the local key list could not be saved; “Sync with server” adopts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) could not be created.</source>
        <translation>
            <numerusform>%n key could not be created.</numerusform>
            <numerusform>%n keys could not be created.</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2 keys created in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
    <message>
        <source>The export could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n key(s) to %1</source>
        <translation>
            <numerusform>Exported %n key to %1</numerusform>
            <numerusform>Exported %n keys to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 done, %L2 in flight, %L3 queued, %L4 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>These %n key(s) were created. To create more, change the prefix or the first number.</source>
        <translation>
            <numerusform>This key was created. To create more, change the prefix or the first number.</numerusform>
            <numerusform>These %n keys were created. To create more, change the prefix or the first number.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of these names are already in the store: %1</source>
        <translation>
            <numerusform>%n of these names is already in the store: %1</numerusform>
            <numerusform>%n of these names are already in the store: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>blob-worker-N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel-worker-N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills the prefix with a naming convention (parallel-worker-N: celestia-node&apos;s TxWorkerAccounts); the prefix stays editable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;ming:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant fees…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay the new workers&apos; fees from a granter key (x/feegrant), in one transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::RequestBarsItem</name>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
start %3 ms, end %4 ms
latency %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SignBatchPage</name>
    <message>
        <source>signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names starting &amp;with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each key signs the message this many times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;arallelism:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message is not valid hex: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 is larger than 16 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s)</source>
        <translation>
            <numerusform>%n signature</numerusform>
            <numerusform>%n signatures</numerusform>
        </translation>
    </message>
    <message>
        <source>No keys to sign with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select keys in the Keys tab, or give a name prefix that matches some.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too many signatures for one batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requested, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signing %n message(s)…</source>
        <translation>
            <numerusform>Signing %n message…</numerusform>
            <numerusform>Signing %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s) failed.</source>
        <translation>
            <numerusform>%n signature failed.</numerusform>
            <numerusform>%n signatures failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 signed, %L2 in flight, %L3 checking, %L4 queued, %L5 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expor&amp;t CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n signature(s) to %1</source>
        <translation>
            <numerusform>Exported %n signature to %1</numerusform>
            <numerusform>Exported %n signatures to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SignMessageDialog</name>
    <message>
        <source>Sign a message with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;essage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed as SHA-256(message); verified here against the stored public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is not valid hex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing with %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature (r||s): %1
public key: %2
digest: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SignTransactionDialog</name>
    <message>
        <source>Sign a test transaction with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gas limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee g&amp;ranter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: the account whose fee grant pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chain ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;equence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed transaction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;py TxRaw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing with %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TxRaw (base64): %1
tx hash: %2
signature (r||s): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TxRaw copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required: a %1… address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. 1000utia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: no fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number, or auto to simulate on the chain node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. 100000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee granter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. mocha-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: asked of the chain node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required offline: the account&apos;s, on chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Cosmos SDK bank send (MsgSend) in SIGN_MODE_DIRECT, signed by the key on the server and verified here. Sign and broadcast sends it to %1 and waits for its block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Cosmos SDK bank send (MsgSend) in SIGN_MODE_DIRECT, signed by the key on the server and verified here. Nothing is broadcast: copy the TxRaw to submit it (a chain node in the profile can broadcast it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and &amp;broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a coin such as 1000utia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a coin such as 2000utia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto needs a chain node in the profile; enter a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a gas limit: a whole number above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required without a chain node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address of another chain: this one&apos;s addresses start with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an address of this chain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing and broadcasting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain refused sequence %1 (%2); asked again and signed once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included at height %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no account on the chain yet: it needs funds before it can sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain refused the sequence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account sequence mismatch (code 32): %1. Leave Sequence empty to ask the chain node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction was not included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fields changed after this transaction was signed: sign again to copy one that matches them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SpeedComparison</name>
    <message>
        <source>The batch&apos;s wall time against what the same requests would take one at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baokeys::ui::TableCopyAction</name>
    <message>
        <source>Copy &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied: the selected rows have no address yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied: no cell is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n address(es)</source>
        <translation>
            <numerusform>Copied %n address</numerusform>
            <numerusform>Copied %n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n cell(s)</source>
        <translation>
            <numerusform>Copied %n cell</numerusform>
            <numerusform>Copied %n cells</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::TokenPrompt</name>
    <message>
        <source>Token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
